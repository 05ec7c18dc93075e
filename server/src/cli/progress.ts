/**
 * A text progress bar on stderr (stdout stays clean for links and results that scripts read).
 * On a terminal the bar redraws in place; otherwise it prints a line at most every 10 %.
 */
export interface Progress {
  update: (done: number, total: number) => void;
  /** A spinner with elapsed time, for work whose size is unknown. */
  tick: () => void;
  done: (message?: string) => void;
}

const WIDTH = 30;
const SPINNER = ['|', '/', '-', '\\'];

/** Renders `[#####.....]  50% 5/10 label` for the given counts. */
export function renderBar(done: number, total: number, label: string): string {
  const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.round(ratio * WIDTH);
  const percent = `${Math.floor(ratio * 100)}%`.padStart(4);
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${percent} ${done}/${total} ${label}`;
}

/** Starts a progress display for one long step; `label` names it (e.g. "backup"). */
export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const isTty = stream.isTTY === true;
  const startedAt = Date.now();
  let lastDecile = -1;
  let frame = 0;
  let isDrawn = false;
  const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;
  const draw = (line: string) => {
    stream.write(isTty ? `\r\x1b[2K${line}` : `${line}\n`);
    isDrawn = true;
  };
  return {
    update(done, total) {
      if (isTty) return draw(renderBar(done, total, label));
      const decile = total > 0 ? Math.floor((done / total) * 10) : 0;
      if (decile !== lastDecile) {
        lastDecile = decile;
        draw(renderBar(done, total, label));
      }
    },
    tick() {
      frame += 1;
      if (isTty) draw(`${SPINNER[frame % SPINNER.length]} ${label} ${elapsed()}`);
    },
    done(message) {
      if (isTty && isDrawn) stream.write('\r\x1b[2K');
      stream.write(`${message ?? `${label}: done`} (${elapsed()})\n`);
    },
  };
}
