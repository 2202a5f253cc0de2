// Bounded handling of a job's output: a job may print hundreds of megabytes, or one endless line,
// and the parent must keep only a constant amount of it.

const TRUNCATED_MARK = ' …[line truncated]';

/** The line itself, or its first `maxLineChars` characters and a mark saying it was cut. */
export function cutLine(line: string, maxLineChars: number): string {
  return line.length > maxLineChars ? line.slice(0, maxLineChars) + TRUNCATED_MARK : line;
}

/** Splits streamed text into lines; a line longer than `maxLineChars` is cut, not buffered. */
export interface LineSplitter {
  push(chunk: string): void;
  /** Emits the last line if it had no newline. */
  end(): void;
}

/** Creates a splitter that calls `onLine` with each line, without its `\n` or `\r\n`. */
export function createLineSplitter(maxLineChars: number, onLine: (line: string) => void): LineSplitter {
  let partial = '';
  // True after an overlong line was emitted cut: the rest of it, up to its newline, is dropped.
  let dropping = false;

  const emit = (line: string): void => onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  const addPartial = (piece: string): void => {
    if (dropping) return;
    partial += piece;
    if (partial.length > maxLineChars) {
      emit(cutLine(partial, maxLineChars));
      partial = '';
      dropping = true;
    }
  };

  return {
    push(chunk) {
      let from = 0;
      for (let newline = chunk.indexOf('\n'); newline !== -1; newline = chunk.indexOf('\n', from)) {
        addPartial(chunk.slice(from, newline));
        if (!dropping) emit(partial);
        partial = '';
        dropping = false;
        from = newline + 1;
      }
      addPartial(chunk.slice(from));
    },
    end() {
      if (partial !== '' && !dropping) emit(partial);
      partial = '';
      dropping = false;
    },
  };
}

/** Keeps the last characters of everything appended. */
export interface OutputTail {
  append(text: string): void;
  text(): string;
}

/** Creates a tail of at most `maxChars` characters; memory stays under about twice that. */
export function createOutputTail(maxChars: number): OutputTail {
  let chunks: string[] = [];
  let length = 0;
  const compact = (): void => {
    const text = chunks.join('').slice(-maxChars);
    chunks = [text];
    length = text.length;
  };
  return {
    append(text) {
      if (text.length >= maxChars) {
        chunks = [text.slice(-maxChars)];
        length = maxChars;
        return;
      }
      chunks.push(text);
      length += text.length;
      if (length > 2 * maxChars) compact();
    },
    text() {
      compact();
      return chunks[0] ?? '';
    },
  };
}
