import { describeSetup, LocalSettingsError, readLocalSettings } from './local-settings';

const ROOT = '/repo';

describe('npm start: what runs, decided from the environment', () => {
  it('N7 with nothing configured: one process, embedded PostgreSQL, in-memory events, default ports and data folder', () => {
    const s = readLocalSettings({}, ROOT);
    expect(s).toMatchObject({ mode: 'one-process', kafka: false, databaseUrls: undefined, gatewayPort: 3000, embeddedPgPort: 5433, dataDir: '/repo/.local/zero-setup' });
    expect(s.ports).toEqual({ sales: 3001, production: 3002, purchasing: 3003, quality: 3004, finance: 3005, logistics: 3006 });
    expect(describeSetup(s)).toBe('one process; events: in-memory broker; database: embedded PostgreSQL on 127.0.0.1:5433');
  });

  it('N7 with Kafka and PostgreSQL configured: every service as its own process on them', () => {
    const s = readLocalSettings({ KAFKA_BROKERS: 'k:9092', DATABASE_URL_TEMPLATE: 'postgres://u@db:5432/opm_{service}', SALES_DATABASE_URL: 'postgres://u@other/s' }, ROOT);
    expect(s.mode).toBe('processes');
    expect(s.databaseUrls).toMatchObject({ sales: 'postgres://u@other/s', finance: 'postgres://u@db:5432/opm_finance' });
  });

  it('N7 with only one of them configured: one process, the configured one used and the other embedded', () => {
    expect(describeSetup(readLocalSettings({ KAFKA_BROKERS: 'k:9092' }, ROOT))).toBe(
      'one process; events: Kafka (KAFKA_BROKERS); database: embedded PostgreSQL on 127.0.0.1:5433',
    );
    const onlyDb = readLocalSettings({ LOGISTICS_DATABASE_URL: 'postgres://u@h/l' }, ROOT);
    expect(onlyDb.mode).toBe('one-process');
    expect(onlyDb.databaseUrls).toMatchObject({ logistics: 'postgres://u@h/l', sales: 'postgres://postgres@127.0.0.1:5432/opm_sales' });
    expect(describeSetup(onlyDb)).toBe('one process; events: in-memory broker; database: configured PostgreSQL');
  });

  it('N6 a bad or clashing setting stops start-up with a message naming the variable', () => {
    expect(() => readLocalSettings({ SALES_PORT: 'x' }, ROOT)).toThrow(/SALES_PORT: expected a port number/);
    expect(() => readLocalSettings({ GATEWAY_PORT: '4000', FINANCE_PORT: '4000' }, ROOT)).toThrow(/FINANCE_PORT: port 4000 is already given to GATEWAY_PORT/);
    expect(() => readLocalSettings({ EMBEDDED_PG_PORT: '3001' }, ROOT)).toThrow(/EMBEDDED_PG_PORT: port 3001 is already given to SALES_PORT/);
    expect(() => readLocalSettings({ DATABASE_URL_TEMPLATE: 'postgres://u@h/opm' }, ROOT)).toThrow(LocalSettingsError);
    expect(readLocalSettings({ LOCAL_DATA_DIR: '/var/tmp/opm' }, ROOT).dataDir).toBe('/var/tmp/opm');
  });
});
