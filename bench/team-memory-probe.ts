/**
 * Loaded into the team server's child process by bench/team-server.ts (`node --import`): answers the message
 * "memory" over the IPC channel with process.memoryUsage() after two forced collections, so that the bench reads the
 * server's own heap. Nothing else in the server changes.
 */
const collectGarbage = (globalThis as { gc?: () => void }).gc;

process.on('message', (message) => {
  if (message !== 'memory') return;
  collectGarbage?.();
  collectGarbage?.();
  process.send?.({ ...process.memoryUsage(), collected: Boolean(collectGarbage) });
});
// The channel must not keep the server alive on its own; it stops on SIGTERM as usual.
process.channel?.unref();
