/** Saves a JSON document as a file through the browser. */
export function downloadJson(input: { fileName: string; json: unknown }): void {
  const blob = new Blob([`${JSON.stringify(input.json, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = input.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
