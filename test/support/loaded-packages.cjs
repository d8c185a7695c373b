// Preloaded with `node --require`: on exit, writes the CommonJS files the process loaded (ES modules
// importing CommonJS packages land here too) to the file named by LOADED_PACKAGES_FILE.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  writeFileSync(process.env.LOADED_PACKAGES_FILE, JSON.stringify(Object.keys(require.cache)));
});
