// This folder as a patch package (`buildBundle('test/patches')`): the bundle holds `retune`.
import { patch } from './retune';

export default patch;
