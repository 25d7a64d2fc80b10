// Runs once when the server starts: migrate (and on the embedded default, seed) before the
// first request, so a broken database shows up in the start log rather than on a page.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getAppDb } = await import('./server/db');
  try {
    const db = await getAppDb();
    console.log(`Factdesk database ready (${db.dialect}).`);
  } catch (error) {
    console.error(`Factdesk could not open its database: ${(error as Error).message}`);
  }
}
