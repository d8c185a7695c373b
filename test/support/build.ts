/** Build once before the suite (validators and mapping templates, then the CLI and its bundle), so tests run what users run. */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/compile-schemas.js'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/compile-templates.js'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
  execFileSync(process.execPath, ['scripts/bundle-cli.js'], { stdio: 'inherit' });
}
