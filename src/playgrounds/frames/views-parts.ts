// What loadFrameViews (views.ts) loads.
export { default as BitDiagram } from './BitDiagram.svelte';
export { default as FrameDetails } from './FrameDetails.svelte';
