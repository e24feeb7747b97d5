import { runMain } from './bootstrap';
import { currentEnv, hostEntryPoint } from './process-host';

describe('process host (several entry points in one Node.js process, zero-setup mode)', () => {
  it('N7 each hosted entry point reads its own settings over the process environment, and the host awaits its main', async () => {
    process.env.OPM_HOST_SPEC_SHARED = 'shared';
    const seen: Record<string, string | undefined>[] = [];
    const entry = () => async () =>
      runMain(async () => {
        await new Promise((r) => setTimeout(r, 10)); // settings still hold after the first await
        seen.push({ port: currentEnv().PORT, shared: currentEnv().OPM_HOST_SPEC_SHARED });
      });
    const [a, b] = await Promise.all([hostEntryPoint('a', { PORT: '4001' }, entry()), hostEntryPoint('b', { PORT: '4002' }, entry())]);
    expect([a.name, b.name]).toEqual(['a', 'b']);
    expect(seen).toEqual(expect.arrayContaining([{ port: '4001', shared: 'shared' }, { port: '4002', shared: 'shared' }]));
    expect(currentEnv()).toBe(process.env);
    delete process.env.OPM_HOST_SPEC_SHARED;
  });

  it('N7 a hosted main that fails is reported to the host instead of exiting the process', async () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    try {
      await expect(hostEntryPoint('broken', {}, async () => runMain(async () => Promise.reject(new Error('port 1 is already in use'))))).rejects.toThrow(
        'port 1 is already in use',
      );
      expect(exit).not.toHaveBeenCalled();
    } finally {
      exit.mockRestore();
    }
  });

  it('N7 loading a module that never calls runMain is an error naming the entry point', async () => {
    await expect(hostEntryPoint('silent', {}, async () => undefined)).rejects.toThrow(/silent: the module loaded did not call runMain/);
  });
});
