import { describe, expect, it } from 'vitest';
import { parseEvents } from '../../electron/runner/events-file.mjs';

describe('parseEvents', () => {
  it('reads api events with their optional fields', () => {
    const text = [
      '{"type":"api","name":"odds","seconds":0.21,"ok":true,"status":200,"method":"GET","host":"odds.example"}',
      '{"type":"api","name":"scores","seconds":1.5,"ok":false,"error":"timeout"}',
      '{"type":"api","name":"bare","seconds":0,"ok":false}',
    ].join('\n');
    const { requests, warnings } = parseEvents(text);
    expect(warnings).toEqual([]);
    expect(requests).toEqual([
      { name: 'odds', method: 'GET', host: 'odds.example', status: 200, ok: true, error: null, seconds: 0.21 },
      { name: 'scores', method: null, host: null, status: null, ok: false, error: 'timeout', seconds: 1.5 },
      { name: 'bare', method: null, host: null, status: null, ok: false, error: 'failed', seconds: 0 },
    ]);
  });

  it('skips bad lines with a warning naming the line number, and ignores blank ones', () => {
    const text = [
      '{"type":"api","name":"a","seconds":0.1,"ok":true}',
      '{"type":"api",',
      '',
      '{"type":"api","name":"b","seconds":-1,"ok":true}',
      '{"type":"api","name":"c","seconds":"fast","ok":true}',
      '{"type":"api","name":"d","seconds":1}',
      '{"type":"progress"}',
      '[1,2]',
      '{"type":"api","name":"e","seconds":0.2,"ok":true}',
    ].join('\n');
    const { requests, warnings } = parseEvents(text);
    expect(requests.map((r) => r.name)).toEqual(['a', 'e']);
    expect(warnings.map((w) => /line (\d+)/.exec(w)?.[1])).toEqual(['2', '4', '5', '6', '7', '8']);
    expect(warnings[0]).toContain('not JSON');
  });

  it('reads an empty file as no events', () => {
    expect(parseEvents('')).toEqual({ requests: [], warnings: [] });
  });
});
