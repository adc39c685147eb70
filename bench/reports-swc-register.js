// Compiles TypeScript with SWC on require, for the report export's child process: unlike
// ts-node, it does not load the TypeScript compiler (~100 MB), which would inflate the
// memory the benchmark measures.
const { transformSync } = require('@swc/core');
const { readFileSync } = require('fs');

require.extensions['.ts'] = function compile(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: false,
    module: { type: 'commonjs' },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
    },
  });
  module._compile(code, filename);
};
