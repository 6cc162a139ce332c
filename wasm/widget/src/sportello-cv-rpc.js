// The Web Worker (sportello-worker.js, next to this file) as promises: `call(op, args)` posts
// {id, op, args} and settles with the worker's answer; a worker that crashed is restarted.

export class Rpc {
  constructor(onCrash) {
    this.onCrash = onCrash;
    this.start();
  }

  start() {
    const url = new URL('./sportello-worker.js', import.meta.url);
    try {
      this.worker = new Worker(url, { type: 'module', name: 'sportello' });
    } catch {
      // Served from another origin (a CDN): a same-origin stub imports the real worker.
      const stub = URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' }));
      this.worker = new Worker(stub, { type: 'module', name: 'sportello' });
    }
    this.pending = new Map();
    this.next = 0;
    this.worker.onmessage = ({ data }) => {
      const p = this.pending.get(data.id);
      if (!p) return;
      this.pending.delete(data.id);
      if (data.ok) p.resolve(data.value);
      else {
        p.reject(data.error);
        if (data.error.kind === 'crash') this.restart();
      }
    };
    this.worker.onerror = (e) => {
      e.preventDefault?.();
      for (const p of this.pending.values()) p.reject({ kind: 'crash', message: e.message || 'the worker failed' });
      this.pending.clear();
    };
  }

  restart() {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject({ kind: 'crash', message: 'restarted' });
    this.start();
    this.onCrash?.();
  }

  call(op, args) {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, args });
    });
  }

  terminate() {
    this.worker.terminate();
  }
}
