// Where the end-to-end servers listen; shared by playwright.config.ts and the specs.
export const e2ePort = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${e2ePort}`;
/** On PostgreSQL a second instance serves the same database, as behind a load balancer. */
export const secondInstanceURL = `http://127.0.0.1:${e2ePort + 1}`;
export const e2eDatabaseUrl = process.env.E2E_DATABASE_URL ?? 'file:data/e2e/factdesk.db';
export const isE2ePostgres = /^postgres(ql)?:/.test(e2eDatabaseUrl);
