import { LoginThrottle } from './login-throttle';

describe('login throttling (issue 11 item 7)', () => {
  const limits = { maxFailuresPerAccount: 3, maxFailuresPerClient: 5, windowMs: 60_000 };

  it('I11.7 an account is refused after its failures reach the limit, with the wait until the oldest leaves the window', () => {
    const t = new LoginThrottle(limits);
    for (let i = 0; i < 3; i += 1) {
      expect(t.check('sales.head', 'ip1', 1000 + i)).toEqual({ allowed: true });
      t.failed('sales.head', `ip${i}`, 1000 + i);
    }
    expect(t.check('sales.head', 'ip9', 2000)).toEqual({ allowed: false, retryAfterSeconds: 59, reason: 'account' });
    // Another account from another client is not affected.
    expect(t.check('sales.staff', 'ip9', 2000)).toEqual({ allowed: true });
    // Once the oldest failure is out of the window, one more try is allowed.
    expect(t.check('sales.head', 'ip9', 61_001)).toEqual({ allowed: true });
  });

  it('I11.7 a client is refused after its failures over any accounts reach the client limit', () => {
    const t = new LoginThrottle(limits);
    for (let i = 0; i < 5; i += 1) t.failed(`user${i}`, 'ip1', 1000);
    expect(t.check('someone.else', 'ip1', 1500)).toMatchObject({ allowed: false, reason: 'client' });
    expect(t.check('someone.else', 'ip2', 1500)).toEqual({ allowed: true });
  });

  it("I11.7 a successful login clears the account's failures, not the client's", () => {
    const t = new LoginThrottle(limits);
    for (let i = 0; i < 2; i += 1) t.failed('sales.head', 'ip1', 1000);
    t.succeeded('sales.head');
    t.failed('sales.head', 'ip1', 1000);
    expect(t.check('sales.head', 'ip2', 1000)).toEqual({ allowed: true });
    t.failed('x', 'ip1', 1000);
    t.failed('y', 'ip1', 1000);
    expect(t.check('z', 'ip1', 1000)).toMatchObject({ allowed: false, reason: 'client' });
  });
});
