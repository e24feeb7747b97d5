/**
 * The fault suite's settings (issue 11, item 5), read once from the environment. Every size and duration is a
 * variable; the defaults finish the whole suite in a few minutes on a 2-core machine.
 */
export interface FaultSettings {
  /** Orders sent over the whole suite, spread evenly over the faults (each fault gets its own load phase). */
  orders: number;
  concurrency: number;
  /** How long a killed service stays down before it is started again. */
  restartSeconds: number;
  kafkaDownSeconds: number;
  dbDownSeconds: number;
  /** A client gives an order up when no attempt has been accepted this long after its first. */
  giveUpSeconds: number;
  requestTimeoutSeconds: number;
  /** How long the suite waits for a phase's accepted orders to reach every department. */
  drainSeconds: number;
  /** How long a starting (or restarted) process may take to be ready; a loaded 2-core machine needs minutes. */
  startTimeoutSeconds: number;
  /** The whole run stops (and fails) after this long, whatever state it is in. */
  deadlineSeconds: number;
  /** The gateway's port; the services take the six after it, the database proxy the one after them. */
  basePort: number;
  kafkaPort: number;
  kafkaControllerPort: number;
  /** Where the suite's own databases are created, `{service}` replaced (direct, not through the proxy). */
  databaseUrlTemplate: string;
  /** Only these faults (names as in the table, comma-separated); all when empty. */
  only: string[];
}

const positiveInt = (env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}, got ${JSON.stringify(raw)}`);
  return value;
};

export function loadFaultSettings(env: NodeJS.ProcessEnv = process.env): FaultSettings {
  const databaseUrlTemplate = env.FAULTS_DATABASE_URL_TEMPLATE || 'postgres://postgres@127.0.0.1:5432/opm_faults_{service}';
  if (!databaseUrlTemplate.includes('{service}')) throw new Error('FAULTS_DATABASE_URL_TEMPLATE must contain {service}');
  const host = new URL(databaseUrlTemplate.replace('{service}', 'x')).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`FAULTS_DATABASE_URL_TEMPLATE must point at 127.0.0.1, not ${host}`);
  return {
    orders: positiveInt(env, 'FAULTS_ORDERS', 270),
    concurrency: positiveInt(env, 'FAULTS_CONCURRENCY', 4),
    restartSeconds: positiveInt(env, 'FAULTS_RESTART_SECONDS', 3, 0),
    kafkaDownSeconds: positiveInt(env, 'FAULTS_KAFKA_DOWN_SECONDS', 30, 0),
    dbDownSeconds: positiveInt(env, 'FAULTS_DB_DOWN_SECONDS', 10, 0),
    giveUpSeconds: positiveInt(env, 'FAULTS_GIVE_UP_SECONDS', 30),
    requestTimeoutSeconds: positiveInt(env, 'FAULTS_REQUEST_TIMEOUT_SECONDS', 15),
    drainSeconds: positiveInt(env, 'FAULTS_DRAIN_SECONDS', 120),
    startTimeoutSeconds: positiveInt(env, 'FAULTS_START_TIMEOUT_SECONDS', 300),
    deadlineSeconds: positiveInt(env, 'FAULTS_DEADLINE_SECONDS', 1200),
    basePort: positiveInt(env, 'FAULTS_BASE_PORT', 3400, 1024),
    kafkaPort: positiveInt(env, 'FAULTS_KAFKA_PORT', 9192, 1024),
    kafkaControllerPort: positiveInt(env, 'FAULTS_KAFKA_CONTROLLER_PORT', 9193, 1024),
    databaseUrlTemplate,
    only: (env.FAULTS_ONLY ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}
