/**
 * Demo customers, known to sales (contacts) and to finance (credit accounts) by these fixed ids, so each
 * service can seed its own part when demo data is on. `overdueAmount` is finance's demo opening balance: an
 * invoice past its due date, from which the customer's overdue debt is derived like any other (issue 16 item 6).
 */
export const DEMO_CUSTOMERS = [
  {
    id: '0b7f9c1e-5d2a-4c3b-9a1e-000000000001',
    name: 'Shanghai Precision Machinery Co.',
    contactPerson: 'Li Wei',
    phone: '+86 21 5555 0101',
    email: 'li.wei@spm.example',
    address: 'Pudong, Shanghai',
    creditLimit: '5000000.00',
    overdueAmount: '0.00',
  },
  {
    id: '0b7f9c1e-5d2a-4c3b-9a1e-000000000002',
    name: 'Shenzhen Motion Systems Ltd.',
    contactPerson: 'Chen Jing',
    phone: '+86 755 5555 0202',
    email: 'chen.jing@sms.example',
    address: 'Nanshan, Shenzhen',
    creditLimit: '200000.00',
    overdueAmount: '0.00',
  },
  {
    id: '0b7f9c1e-5d2a-4c3b-9a1e-000000000003',
    name: 'Harbin Heavy Parts Trading',
    contactPerson: 'Zhao Lei',
    phone: '+86 451 5555 0303',
    email: null,
    address: 'Daoli, Harbin',
    creditLimit: '30000.00',
    overdueAmount: '12500.00',
  },
] as const;

export const DEMO_CURRENCY = 'CNY';
