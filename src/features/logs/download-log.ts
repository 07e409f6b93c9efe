import type { LogLine } from '@/lib/read/logs';

/** One line of a downloaded log: `2024-05-01T10:00:00.000Z #0 stderr message`, as the data plane's files have it. */
function fileLine(line: LogLine): string {
  const at = line.timestamp === undefined ? '-' : new Date(line.timestamp).toISOString();
  return `${at} #${line.instance} ${line.stream ?? '-'} ${line.line}`;
}

export function logFileText(lines: readonly LogLine[]): string {
  return lines.map((line) => `${fileLine(line)}\n`).join('');
}

/** `deployment-12-instance-0.log`, or `deployment-12-all-instances.log`. */
export function logFileName(deploymentId: number, instance: number | undefined): string {
  return `deployment-${deploymentId}-${instance === undefined ? 'all-instances' : `instance-${instance}`}.log`;
}

/** Saves the lines as a text file through the browser's download. */
export function downloadLog(name: string, lines: readonly LogLine[]): void {
  const url = URL.createObjectURL(new Blob([logFileText(lines)], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
