// The bit diagram and the frame details: most of the frame labs' code, so it is loaded when a lab first shows a
// frame (loadFrameViews), not with the lab.
import { lazy } from '../shared/lazy.ts';

export const loadFrameViews = lazy(async () => ({ default: await import('./views-parts.ts') }));
