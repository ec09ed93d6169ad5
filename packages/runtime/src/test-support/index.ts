/** Helpers for tests and the bench that hand champion's explainers to Python peers. */
export { shapCustomTrees, shapPeerInput, type ShapPeerInput } from './shap-peer.js';
