/**
 * `npm run server`: builds the app when dist/ is missing or older than its sources, then starts the team server.
 * `npm run server -- share --name "Ana"` and `npm run server -- invite ...` make links (see cli.ts).
 * `--no-build` starts without building (tests).
 */
import { buildApp, needsBuild } from './build';
import { inviteCommand, shareCommand } from './cli';
import { optionsFromEnvironment, ROOT } from './options';
import { startServer } from './start';

async function main(argv: string[]): Promise<void> {
  const options = optionsFromEnvironment(process.env);
  const [command, ...rest] = argv;
  if (command === 'share') {
    console.log(await shareCommand(rest, options));
    return;
  }
  if (command === 'invite') {
    console.log(await inviteCommand(rest, options));
    return;
  }
  if (command !== undefined && command !== '--no-build') {
    throw new Error(`Unknown command ${command}: use share, invite, or nothing to start the server.`);
  }
  if (command !== '--no-build' && needsBuild(ROOT)) buildApp(ROOT, console.log);
  const server = await startServer(options);
  console.log(`Conformo is at ${server.url}/`);
  const stop = () => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
