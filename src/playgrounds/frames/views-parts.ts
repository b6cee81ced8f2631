// What loadFrameViews (views.ts) loads: the views, and the decoder's verdict the builder shows above them.
export { default as BitDiagram } from './BitDiagram.svelte';
export { default as FrameDetails } from './FrameDetails.svelte';
export { default as Verdict } from './Verdict.svelte';
export { judge } from '../../lib/frames/judge.ts';
export { detailFromBytes } from '../../lib/frames/detail.ts';
