// Stands in for the renderer in the harness tests: records whether window.uploader existed when this module script
// started (the real renderer reads it at start), without an inline script the CSP would block.
const status = document.getElementById('status');
status.dataset.uploaderAtStart = typeof window.uploader;
status.textContent = 'ready';
