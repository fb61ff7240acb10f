/*
 * The few Grafana HTTP API calls of the `grafana` sink: folders, and dashboards through the legacy
 * `/api/dashboards/db` (still served by Grafana 11/12, and accepting the classic model the render
 * engine builds). Server errors and network failures are retried a few times with a short delay;
 * 4xx answers (412 conflicts included) are not, they need a change.
 */

/** An error answer of Grafana. */
export class GrafanaApiError extends Error {
  readonly name = 'GrafanaApiError';
  constructor(
    message: string,
    readonly status: number,
    /** Grafana's `status` field, e.g. `name-exists` or `version-mismatch` on a 412. */
    readonly reason?: string,
  ) {
    super(message);
  }
}

/** A dashboard as `GET /api/dashboards/uid/:uid` returns it. */
export interface GrafanaDashboard {
  dashboard: {
    uid: string;
    title?: string;
    description?: string;
    tags?: string[];
  };
  meta: { folderUid?: string; provisioned?: boolean };
}

/** Options of {@link GrafanaClient}. */
export interface GrafanaClientOptions {
  /** Base URL, e.g. `http://localhost:3001`. */
  url: string;
  /** Service account token. */
  token?: string;
  /** Attempts of a request that fails with 5xx, 429 or a network error. Default 3. */
  attempts?: number;
  /** Delay before the second attempt, doubled for each further one, in ms. Default 250. */
  retryDelayMs?: number;
  /** Per-request timeout in ms. Default 10 000. */
  timeoutMs?: number;
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** A Grafana HTTP API client for provisioning. */
export class GrafanaClient {
  private readonly baseUrl: string;

  constructor(private readonly options: GrafanaClientOptions) {
    this.baseUrl = options.url.replace(/\/+$/, '');
  }

  private async request(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown }> {
    const attempts = this.options.attempts ?? 3;
    let delay = this.options.retryDelayMs ?? 250;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(`${this.baseUrl}${path}`, {
          method,
          headers: {
            Accept: 'application/json',
            ...(body !== undefined
              ? { 'Content-Type': 'application/json' }
              : {}),
            ...(this.options.token
              ? { Authorization: `Bearer ${this.options.token}` }
              : {}),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        });
      } catch (error) {
        if (attempt < attempts) {
          await sleep(delay);
          delay *= 2;
          continue;
        }
        throw new Error(
          `Grafana ${method} ${path} failed: ${(error as Error).message}`,
        );
      }
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      const retryable = response.status >= 500 || response.status === 429;
      if (retryable && attempt < attempts) {
        await sleep(delay);
        delay *= 2;
        continue;
      }
      return { status: response.status, body: parsed };
    }
  }

  private fail(
    method: string,
    path: string,
    status: number,
    body: unknown,
  ): never {
    const message =
      (body as { message?: unknown } | undefined)?.message ??
      (typeof body === 'string' ? body : '');
    const reason = (body as { status?: unknown } | undefined)?.status;
    throw new GrafanaApiError(
      `Grafana ${method} ${path} answered ${status}${
        message ? `: ${message}` : ''
      }${typeof reason === 'string' ? ` (${reason})` : ''}`,
      status,
      typeof reason === 'string' ? reason : undefined,
    );
  }

  /** Whether the folder exists. */
  async folderExists(uid: string): Promise<boolean> {
    const path = `/api/folders/${encodeURIComponent(uid)}`;
    const { status, body } = await this.request('GET', path);
    if (status === 404) {
      return false;
    }
    if (status >= 400) {
      this.fail('GET', path, status, body);
    }
    return true;
  }

  /** Creates a folder; a folder that appeared meanwhile (409/412) counts as created. */
  async createFolder(uid: string, title: string): Promise<void> {
    const { status, body } = await this.request('POST', '/api/folders', {
      uid,
      title,
    });
    if (
      status >= 400 &&
      !((status === 409 || status === 412) && (await this.folderExists(uid)))
    ) {
      this.fail('POST', '/api/folders', status, body);
    }
  }

  /** `POST /api/dashboards/db` with `overwrite: true`; returns the new version. */
  async saveDashboard(
    model: object,
    folderUid: string,
    message: string,
  ): Promise<{ uid: string; version: number }> {
    const path = '/api/dashboards/db';
    const { status, body } = await this.request('POST', path, {
      dashboard: { ...model, id: null },
      folderUid,
      message,
      overwrite: true,
    });
    if (status >= 400) {
      this.fail('POST', path, status, body);
    }
    return body as { uid: string; version: number };
  }

  /** The dashboard, or undefined when it does not exist. */
  async getDashboard(uid: string): Promise<GrafanaDashboard | undefined> {
    const path = `/api/dashboards/uid/${encodeURIComponent(uid)}`;
    const { status, body } = await this.request('GET', path);
    if (status === 404) {
      return undefined;
    }
    if (status >= 400) {
      this.fail('GET', path, status, body);
    }
    return body as GrafanaDashboard;
  }

  /** Deletes the dashboard; one that is already gone is fine. */
  async deleteDashboard(uid: string): Promise<void> {
    const path = `/api/dashboards/uid/${encodeURIComponent(uid)}`;
    const { status, body } = await this.request('DELETE', path);
    if (status >= 400 && status !== 404) {
      this.fail('DELETE', path, status, body);
    }
  }

  /** Uids of the dashboards carrying `tag` (`GET /api/search`, every page). */
  async searchDashboardUids(tag: string): Promise<string[]> {
    const uids: string[] = [];
    const limit = 1000;
    for (let page = 1; ; page++) {
      const path = `/api/search?type=dash-db&tag=${encodeURIComponent(
        tag,
      )}&limit=${limit}&page=${page}`;
      const { status, body } = await this.request('GET', path);
      if (status >= 400) {
        this.fail('GET', path, status, body);
      }
      const hits = body as Array<{ uid: string }>;
      uids.push(...hits.map(hit => hit.uid));
      if (hits.length < limit) {
        return uids;
      }
    }
  }

  /** `POST /api/annotations` on a dashboard; returns the annotation's id. */
  async createAnnotation(annotation: {
    dashboardUID: string;
    /** Epoch ms. */
    time: number;
    tags: string[];
    text: string;
  }): Promise<number> {
    const path = '/api/annotations';
    const { status, body } = await this.request('POST', path, annotation);
    if (status >= 400) {
      this.fail('POST', path, status, body);
    }
    return (body as { id: number }).id;
  }
}
