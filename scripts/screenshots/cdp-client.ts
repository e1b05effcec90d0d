// A minimal Chrome DevTools Protocol client over Node 24's built-in WebSocket: enough to open a
// page, run script in it and take a screenshot, without a browser-automation dependency.

type Json = Record<string, unknown>;

interface Pending {
	resolve: (result: Json) => void;
	reject: (error: Error) => void;
	method: string;
}

export class CdpClient {
	private nextId = 1;
	private readonly pending = new Map<number, Pending>();

	private constructor(private readonly socket: WebSocket) {
		socket.addEventListener('message', (event) => this.onMessage(String(event.data)));
		socket.addEventListener('close', () => {
			for (const p of this.pending.values()) p.reject(new Error(`the browser closed the DevTools connection during ${p.method}`));
			this.pending.clear();
		});
	}

	/** Connects to the browser's DevTools endpoint (ws://127.0.0.1:PORT/devtools/browser/…). */
	static async connect(url: string): Promise<CdpClient> {
		const socket = new WebSocket(url);
		await new Promise<void>((resolve, reject) => {
			socket.addEventListener('open', () => resolve(), { once: true });
			socket.addEventListener('error', () => reject(new Error(`could not connect to Chromium's DevTools at ${url}`)), { once: true });
		});
		return new CdpClient(socket);
	}

	/** Sends one command (to a page when `sessionId` is given) and returns its result. */
	send<T = Json>(method: string, params: Json = {}, sessionId?: string): Promise<T> {
		const id = this.nextId++;
		return new Promise<T>((resolve, reject) => {
			this.pending.set(id, { resolve: resolve as (result: Json) => void, reject, method });
			this.socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
		});
	}

	close(): void {
		this.socket.close();
	}

	private onMessage(text: string): void {
		const message = JSON.parse(text) as { id?: number; result?: Json; error?: { message: string; data?: string } };
		if (message.id === undefined) return; // an event: nothing here listens to them
		const pending = this.pending.get(message.id);
		if (!pending) return;
		this.pending.delete(message.id);
		if (message.error) pending.reject(new Error(`${pending.method}: ${message.error.message}${message.error.data ? ` (${message.error.data})` : ''}`));
		else pending.resolve(message.result ?? {});
	}
}

/** One browser tab driven through a CdpClient session. */
export class CdpPage {
	private constructor(
		private readonly cdp: CdpClient,
		private readonly sessionId: string,
	) {}

	static async open(cdp: CdpClient, viewport: { width: number; height: number }): Promise<CdpPage> {
		const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
		const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
		const page = new CdpPage(cdp, sessionId);
		await page.send('Page.enable');
		await page.send('Runtime.enable');
		await page.setViewport(viewport);
		return page;
	}

	/** The window size in CSS pixels (one device pixel each). */
	viewport = { width: 0, height: 0 };

	async setViewport(viewport: { width: number; height: number }): Promise<void> {
		await this.send('Emulation.setDeviceMetricsOverride', { width: viewport.width, height: viewport.height, deviceScaleFactor: 1, mobile: false });
		this.viewport = { ...viewport };
	}

	send<T = Json>(method: string, params: Json = {}): Promise<T> {
		return this.cdp.send<T>(method, params, this.sessionId);
	}

	async goto(url: string): Promise<void> {
		const result = await this.send<{ errorText?: string }>('Page.navigate', { url });
		if (result.errorText) throw new Error(`could not open ${url}: ${result.errorText}`);
	}

	/** Runs an expression in the page (awaiting a promise) and returns its JSON value. */
	async evaluate<T>(expression: string): Promise<T> {
		const { result, exceptionDetails } = await this.send<{ result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>('Runtime.evaluate', {
			expression,
			awaitPromise: true,
			returnByValue: true,
		});
		if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
		return result.value as T;
	}

	/** Polls `expression` until it is truthy; the error names what was awaited. */
	async waitFor(what: string, expression: string, timeoutMs = 30_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (!(await this.evaluate<boolean>(`Boolean(${expression})`))) {
			if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}

	/** Types into the element as a user would (focus, then text input events). */
	async type(selector: string, text: string): Promise<void> {
		const found = await this.evaluate<boolean>(`(() => { const el = document.querySelector(${JSON.stringify(selector)}); if (!el) return false; el.focus(); return true; })()`);
		if (!found) throw new Error(`nothing on the page matches ${selector}`);
		await this.send('Input.insertText', { text });
	}

	/** Clicks the middle of the element with the mouse. */
	async click(selector: string): Promise<void> {
		const box = await this.evaluate<{ x: number; y: number } | null>(
			`(() => { const el = document.querySelector(${JSON.stringify(selector)}); if (!el) return null; const r = el.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`,
		);
		if (!box) throw new Error(`nothing on the page matches ${selector}`);
		for (const type of ['mousePressed', 'mouseReleased']) await this.send('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: 1 });
	}

	/** A PNG of the area (page pixels, `scale` < 1 shrinks it). */
	async screenshot(clip: { x: number; y: number; width: number; height: number; scale?: number }): Promise<Buffer> {
		const { data } = await this.send<{ data: string }>('Page.captureScreenshot', { format: 'png', clip: { scale: 1, ...clip }, captureBeyondViewport: false });
		return Buffer.from(data, 'base64');
	}
}
