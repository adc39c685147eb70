// Runs a TypeScript entry point (the worker, in the fault tests) through swc: seconds, not a minute.
require('ts-node').register({ transpileOnly: true, swc: true });
