import { describe, expect, it } from 'vitest';
import { createLineSplitter, createOutputTail } from '../../../electron/hosts/node/output-capture.js';

function split(chunks: string[], maxLineChars = 10): string[] {
  const lines: string[] = [];
  const splitter = createLineSplitter(maxLineChars, (line) => lines.push(line));
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return lines;
}

describe('createLineSplitter', () => {
  it('joins lines split across chunks and drops the line endings', () => {
    expect(split(['ab', 'c\nde', 'f\r\n\ng'])).toEqual(['abc', 'def', '', 'g']);
  });

  it('cuts an overlong line once and drops the rest of it up to its newline', () => {
    expect(split(['0123456789ABC', 'DEF', 'GHI\nnext\n'])).toEqual(['0123456789 …[line truncated]', 'next']);
  });

  it('cuts an overlong line that arrives in one chunk with its newline', () => {
    expect(split(['short\n0123456789ABCDEF\nend'])).toEqual(['short', '0123456789 …[line truncated]', 'end']);
  });

  it('emits nothing more at the end for a cut line without a newline', () => {
    expect(split(['0123456789ABCDEF'])).toEqual(['0123456789 …[line truncated]']);
  });
});

describe('createOutputTail', () => {
  it('keeps only the last characters of everything appended', () => {
    const tail = createOutputTail(8);
    for (const piece of ['abc', 'defg', 'hijk', 'lm']) tail.append(piece);
    expect(tail.text()).toBe('fghijklm');
    tail.append('0123456789');
    expect(tail.text()).toBe('23456789');
  });

  it('stays bounded however much is appended', () => {
    const tail = createOutputTail(1000);
    for (let i = 0; i < 100_000; i++) tail.append(`line ${i}\n`);
    expect(tail.text().length).toBe(1000);
    expect(tail.text().endsWith('line 99999\n')).toBe(true);
  });
});
