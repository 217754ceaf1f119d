import { execFileSync } from 'node:child_process';

/** Tests import the standalone validators: make sure they match the schema in this checkout. */
export default function setup() {
  execFileSync('npx', ['tsx', 'scripts/generate-validators.ts'], { stdio: 'ignore' });
}
