import { describe, expect, it } from 'vitest';
import { isConnectionFault } from './last-resort.ts';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isConnectionFault', () => {
  it('takes the faults of one connection for what they are', () => {
    expect(
      isConnectionFault(new Error('Client has encountered a connection error and is not queryable')),
    ).toBe(true);
    expect(isConnectionFault(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isConnectionFault(
        withCode('terminating connection because protocol synchronization was lost', '08P01'),
      ),
    ).toBe(true);
    expect(isConnectionFault(withCode('terminating connection due to administrator command', '57P01'))).toBe(
      true,
    );
    expect(isConnectionFault(withCode('read ECONNRESET', 'ECONNRESET'))).toBe(true);
  });

  it('takes anything else for a fault of the process', () => {
    expect(isConnectionFault(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false);
    expect(isConnectionFault(withCode('duplicate key value violates unique constraint', '23505'))).toBe(
      false,
    );
    expect(isConnectionFault('a string')).toBe(false);
  });
});
