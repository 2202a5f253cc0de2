import { describe, expect, it } from 'vitest';
import { okCommitMessage, recoveryCommitMessage } from '../../../electron/engine/git/commit-messages.js';

describe('okCommitMessage', () => {
  it('puts a blank line between the title and one line per module', () => {
    expect(okCommitMessage(3, ['collector: runtime 1.2 s', 'backtester: runtime 4.0 s'])).toBe(
      'Performance OK: iteration 3\n\ncollector: runtime 1.2 s\nbacktester: runtime 4.0 s',
    );
  });

  it('is the title alone when there are no module lines', () => {
    expect(okCommitMessage(1, [])).toBe('Performance OK: iteration 1');
  });

  it('keeps each module on one line even when its text has line breaks', () => {
    expect(okCommitMessage(2, ['collector: a\nb', 'x'])).toBe('Performance OK: iteration 2\n\ncollector: a b\nx');
  });
});

describe('recoveryCommitMessage', () => {
  it('names the module and the metric', () => {
    expect(recoveryCommitMessage('collector', 'runtime')).toBe('Anomaly recovered: collector - runtime');
  });
});
