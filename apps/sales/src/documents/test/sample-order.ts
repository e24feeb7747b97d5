import { multiplyMoney, sumMoney } from '@opm/contracts';
import { documentFingerprint } from '../document-fingerprint';
import type { OrderDocumentData, OrderDocumentLine } from '../order-document-data';

export const COMPANY = { companyName: 'Acme Precision Manufacturing Co., Ltd.', companyNameZh: '精密制造有限公司' } as const;

function line(lineNo: number, productCode: string, productName: string, specification: string | null, quantity: number, unitPrice: string): OrderDocumentLine {
  return { lineNo, productCode, productName, specification, quantity, unitPrice, amount: multiplyMoney(unitPrice, quantity) };
}

/** A signed, issued order with a Chinese product name and Chinese special requirements. */
export function sampleOrder(overrides: Partial<OrderDocumentData> = {}): OrderDocumentData {
  const lines = [
    line(1, 'FL-DN100', '不锈钢法兰 DN100', 'SS304, PN16, GB/T 9119', 120, '86.50'),
    line(2, 'VB-050', 'Ball valve DN50 球阀', 'WCB body, 1.6 MPa', 40, '412.00'),
    line(3, 'GS-100', 'Spiral wound gasket 缠绕垫片', null, 500, '3.25'),
  ];
  const data: OrderDocumentData = {
    orderId: '3f1c9a52-7d1e-4f4b-9a43-2b8f0c6d1e77',
    orderNumber: 'SO-2026-000123',
    status: 'ISSUED',
    issueDate: '2026-11-26',
    customer: { name: '华东石化设备有限公司 East China Petrochemical Equipment', contactPerson: '李娜 Li Na', phone: '+86 21 5555 0101', address: '上海市浦东新区张江路 88 号' },
    lines,
    currency: 'CNY',
    totalAmount: sumMoney(lines.map((l) => l.amount)),
    deliveryDate: '2027-01-15',
    deliveryPlace: '上海港 Shanghai port, warehouse 3',
    paymentTerms: '30% advance, 70% within 30 days of delivery 预付30%，货到30天内付70%',
    specialRequirements: {
      customization: '法兰表面钝化处理，刻印客户标识',
      packaging: '木箱包装，防潮',
      transportMode: '公路运输 Road freight',
      other: null,
    },
    approvals: [
      { step: 'SALES_HEAD', status: 'APPROVED', decidedBy: 'zhang.wei', decidedAt: '2026-11-24T02:10:00Z', comment: '价格已确认 Price confirmed' },
      { step: 'DIVISION_LEADER', status: 'APPROVED', decidedBy: 'chen.jie', decidedAt: '2026-11-25T06:30:00Z', comment: null },
      { step: 'FINANCE', status: 'APPROVED', decidedBy: 'liu.fang', decidedAt: '2026-11-25T09:45:00Z', comment: 'Credit OK 信用额度充足' },
    ],
    signature: { signedBy: 'Zhang Wei 张伟', signedAt: '2026-11-26T01:20:00Z' },
    verificationCode: '',
    ...overrides,
  };
  return { ...data, verificationCode: overrides.verificationCode ?? documentFingerprint(data) };
}

/** The same order with many lines, to run over several pages. */
export function longOrder(count: number): OrderDocumentData {
  const lines = Array.from({ length: count }, (_, i) =>
    line(i + 1, `P-${String(i + 1).padStart(4, '0')}`, i % 3 === 0 ? `不锈钢管件 ${i + 1}` : `Machined part ${i + 1}`, i % 2 === 0 ? 'Q235, 热镀锌' : null, 10 + i, `${(i % 7) + 1}9.90`),
  );
  return sampleOrder({ lines, totalAmount: sumMoney(lines.map((l) => l.amount)) });
}
