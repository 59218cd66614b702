/**
 * The pane's side of the scoring worker: sends a request, passes its progress on, and gives its
 * result as a promise. "Hủy" terminates the worker (the one way to stop a running job); the
 * next request starts a fresh one. Where there is no worker (tests, a host that refuses it),
 * the same `answer` is loaded on demand and runs in-process, so the pane works the same, only
 * less smoothly; the pane's first load carries none of the scoring code.
 */
import type { RunProgress } from "../pipeline";
import { yieldToEventLoop } from "./errors";
import type { Answerer } from "./scoring-answer";
import { isScoringReply, mergeParts, splitRequest, type Answer, type RunInputs, type ScoringReply, type ScoringRequest } from "./scoring-protocol";

export const CANCELLED_TEXT = "Đã hủy, chưa ghi gì vào bảng tính.";
export const CHUNK_FAILED_TEXT = "Không tải được phần chấm điểm của phần bổ trợ, chưa ghi gì vào bảng tính. Hãy kiểm tra kết nối mạng rồi thử lại.";

/** The user pressed "Hủy": the work stopped before anything was written. */
export class CancelledError extends Error {
  constructor() {
    super(CANCELLED_TEXT);
    this.name = "CancelledError";
  }
}

export interface WorkControl {
  onProgress?: (progress: RunProgress) => void;
  signal?: AbortSignal;
}

export type RequestBody = ScoringRequest extends infer R ? (R extends ScoringRequest ? Omit<R, "id"> : never) : never;

export interface ScoringClient {
  send<B extends RequestBody>(body: B, control?: WorkControl): Promise<Answer<B & ScoringRequest>>;
  /** The run request that answered with `result`: its id (the worker keeps that run) and inputs. */
  runOf(result: object): { id: number; inputs: RunInputs } | undefined;
  /** Stops the worker (the pane is closing); a later request starts another. */
  dispose(): void;
}

interface Pending {
  request: ScoringRequest;
  control: WorkControl;
  resolve(value: unknown): void;
  reject(error: Error): void;
  /** Slices of the reply's long lists, received ahead of it. */
  parts: { list: number; items: unknown[] }[];
}

/** What a successful reply answers with. */
function answerOf(reply: Exclude<ScoringReply, { kind: "progress" | "failed" | "part" }>): unknown {
  return reply.kind === "ran" ? reply.result : reply.kind === "plannedUndo" ? reply.plan : reply.kind === "methodRead" ? reply.reading : reply.value;
}

/** A worker passing its replies on; null when it cannot start (then `onBroken` is not called). */
function startWorker(createWorker: () => Worker, onReply: (reply: ScoringReply) => void, onBroken: () => void): Worker | null {
  try {
    const worker = createWorker();
    worker.onmessage = (event: MessageEvent<unknown>) => {
      if (isScoringReply(event.data)) onReply(event.data);
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      onBroken();
    };
    return worker;
  } catch {
    return null;
  }
}

export function scoringClient(createWorker?: () => Worker): ScoringClient {
  let worker: Worker | null = null;
  let broken = !createWorker;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const runs = new WeakMap<object, { id: number; inputs: RunInputs }>();

  const settle = (message: ScoringReply) => {
    const job = pending.get(message.id);
    if (!job) return; // cancelled meanwhile
    if (message.kind === "progress") return job.control.onProgress?.(message.progress);
    if (message.kind === "part") return void job.parts.push(message);
    pending.delete(message.id);
    const reply = mergeParts(message, job.parts);
    if (reply.kind === "failed") return job.reject(new Error(reply.message));
    if (reply.kind === "ran" && job.request.kind === "run") runs.set(reply.result, { id: reply.id, inputs: { grid: job.request.grid, options: job.request.options } });
    job.resolve(answerOf(reply));
  };

  let local: Answerer | null = null; // the worker's code, run here
  const inProcess = async (job: Pending) => {
    try {
      local ??= (await import(/* webpackChunkName: "scoring" */ "./scoring-answer")).createAnswerer();
    } catch {
      // Its chunk could not load (the connection dropped): this job fails; a later one retries.
      return settle({ id: job.request.id, kind: "failed", message: CHUNK_FAILED_TEXT });
    }
    await yieldToEventLoop(); // let the pane paint its progress before the work blocks it
    if (pending.has(job.request.id)) local(job.request, settle);
  };

  const stop = () => {
    worker?.terminate();
    worker = null;
  };

  const dispatch = (job: Pending) => {
    job.parts = []; // a worker that died or was stopped may have sent some
    if (!worker && !broken) {
      worker = startWorker(createWorker!, settle, () => {
        // The worker could not load or died: do its pending work here from now on.
        broken = true;
        stop();
        for (const waiting of pending.values()) void inProcess(waiting);
      });
      broken = worker === null;
    }
    if (worker) void post(worker, job);
    else void inProcess(job);
  };

  // A large grid goes in slices, each copied in a task of its own; a cancelled job or a worker
  // stopped meanwhile gets no more of them.
  const post = async (to: Worker, job: Pending) => {
    for (const message of splitRequest(job.request)) {
      if (worker !== to || pending.get(job.request.id) !== job) return;
      to.postMessage(message);
      if (message.kind === "part") await yieldToEventLoop();
    }
  };

  const cancel = (id: number) => {
    const job = pending.get(id);
    if (!job) return;
    pending.delete(id);
    if (worker) {
      stop();
      for (const other of pending.values()) dispatch(other);
    }
    job.reject(new CancelledError());
  };

  return {
    send(body, control = {}) {
      const id = nextId++;
      const request = { ...body, id } as ScoringRequest;
      return new Promise((resolve, reject) => {
        if (control.signal?.aborted) return reject(new CancelledError());
        const job: Pending = { request, control, resolve: resolve as (value: unknown) => void, reject, parts: [] };
        pending.set(id, job);
        control.signal?.addEventListener("abort", () => cancel(id), { once: true });
        dispatch(job);
      });
    },
    runOf: (result) => runs.get(result),
    dispose: stop,
  };
}
