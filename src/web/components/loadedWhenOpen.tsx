import { type ComponentType, lazy, Suspense, useState } from "react";

/**
 * A drawer or dialog whose code loads the first time it opens rather than with its page; `isOpen`
 * reads from its props whether it is open. Once loaded it stays rendered, so it animates closed.
 */
export function loadedWhenOpen<P extends object>(
  load: () => Promise<ComponentType<P>>,
  isOpen: (props: P) => boolean,
): ComponentType<P> {
  const Loaded = lazy(async () => ({ default: await load() }));
  return function LoadedWhenOpen(props: P) {
    const [opened, setOpened] = useState(false);
    if (!opened && isOpen(props)) setOpened(true);
    if (!opened) return null;
    return (
      <Suspense fallback={null}>
        <Loaded {...props} />
      </Suspense>
    );
  };
}
