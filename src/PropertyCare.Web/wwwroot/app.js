// Saves a file streamed from the server (BrowserDownload.cs) under the given name.
window.pcDownload = async (fileName, streamRef) => {
  const blob = new Blob([await streamRef.arrayBuffer()]);
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName ?? "";
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
};
