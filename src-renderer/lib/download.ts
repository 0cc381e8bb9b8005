// Saves text as a file the browser downloads (an exported team pack). Nothing is fetched: the file is a Blob.

export interface DownloadEnv {
  document: Document;
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
}

function browserEnv(): DownloadEnv {
  return {
    document,
    createObjectURL: (blob) => URL.createObjectURL(blob),
    revokeObjectURL: (url) => URL.revokeObjectURL(url),
  };
}

export function downloadText(
  fileName: string,
  text: string,
  type = 'application/json',
  env: DownloadEnv = browserEnv(),
): void {
  const url = env.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = env.document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  env.document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL can go once this task ends.
  setTimeout(() => env.revokeObjectURL(url), 0);
}
