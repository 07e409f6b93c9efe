// Test fixture: a release that crashes on start, with a line on stderr that explains why.
console.error('fatal: DATABASE_URL is not set');
process.exit(3);
