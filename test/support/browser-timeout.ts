// A browser test drives a whole page flow through Chromium, the API and the worker on a CI machine
// whose two cores are shared: a flow gets three minutes, not the API tests' one.
if (expect.getState().testPath?.includes('/test/web/')) jest.setTimeout(180_000);
