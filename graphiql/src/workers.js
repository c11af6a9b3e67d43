// Monaco runs its language services in web workers. The build bundles each worker as a file of its own next to
// this script (WORKER_FILES names them, content-hashed), so they load from this origin: worker-src 'self', no blob:.
/* global WORKER_FILES */
globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const file = WORKER_FILES[label] ?? WORKER_FILES.editor;
    return new Worker(new URL(file, import.meta.url), { name: label });
  },
};
