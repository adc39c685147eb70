import 'reflect-metadata';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { WorkerModule } from './worker.module';

type ModuleRef = { module?: unknown } | (new (...args: never[]) => unknown);

/** Every module the worker reaches through `imports`, dynamic modules included. */
function reachableModules(root: unknown, seen = new Set<unknown>()): Set<unknown> {
  const target = (root as { module?: unknown }).module ?? root;
  if (!target || seen.has(target)) return seen;
  seen.add(target);
  const dynamicImports = (root as { imports?: ModuleRef[] }).imports ?? [];
  const imports: ModuleRef[] = Reflect.getMetadata(MODULE_METADATA.IMPORTS, target as object) ?? [];
  for (const child of [...imports, ...dynamicImports]) reachableModules(child, seen);
  return seen;
}

describe('WorkerModule', () => {
  it('reaches no module with an HTTP controller', () => {
    const withControllers = [...reachableModules(WorkerModule)]
      .filter((module) => (Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, module as object) ?? []).length > 0)
      .map((module) => (module as { name: string }).name);
    expect(withControllers).toEqual([]);
  });
});
