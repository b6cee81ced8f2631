// What loadInspectedParts (FrameInspector) loads with the first frame.
export { default as InspectedFrames } from './InspectedFrames.svelte';
export { default as InspectedFrameDetail } from './InspectedFrameDetail.svelte';
