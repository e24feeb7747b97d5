import { ConfigError, loadServiceConfig } from './service-config';

describe(loadServiceConfig.name, () => {
  it('N6 applies local defaults', () => {
    const config = loadServiceConfig('production', {});
    expect(config).toMatchObject({ PORT: 3002, KAFKA_BROKERS: ['localhost:9092'], KAFKA_GROUP_ID: 'production' });
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/opm_production');
  });

  it('N6 names every bad variable', () => {
    expect(() => loadServiceConfig('sales', { PORT: 'eighty', KAFKA_BROKERS: 'nohost', DATABASE_URL: 'x' })).toThrow(
      /PORT:[\s\S]*DATABASE_URL:[\s\S]*KAFKA_BROKERS/,
    );
  });

  it('N4 production mode refuses the development JWT secret', () => {
    expect(() => loadServiceConfig('sales', { NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadServiceConfig('sales', { NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(loadServiceConfig('sales', { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), AUDIT_CHECKPOINT_KEY: 'y'.repeat(40) }).NODE_ENV).toBe('production');
  });

  it('I11.2 production mode refuses the development audit checkpoint key', () => {
    expect(() => loadServiceConfig('sales', { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(/AUDIT_CHECKPOINT_KEY/);
    expect(() => loadServiceConfig('sales', { AUDIT_CHECKPOINT_KEY: 'short' })).toThrow(/AUDIT_CHECKPOINT_KEY/);
  });

  it('N4 demo data is refused in production mode', () => {
    expect(() => loadServiceConfig('sales', { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DEMO_DATA: 'true' })).toThrow(/DEMO_DATA/);
    expect(loadServiceConfig('sales', { DEMO_DATA: 'true' }).DEMO_DATA).toBe(true);
  });

  it('N4 an OIDC issuer needs its JWKS', () => {
    expect(() => loadServiceConfig('sales', { OIDC_ISSUER: 'https://id.example.test/' })).toThrow(/OIDC_ISSUER, OIDC_JWKS_URL/);
  });
});
