// The section of each top-level block of the tree, found once per lint and shared by the readers that walk the blocks
// (items outside follow-up sections, announced link lists, measures taken, resolution prose): each of them asked
// sectionAt for every block again.
import type { Root } from 'mdast';
import type { Postmortem, Section } from '../types';
import { startOf } from './common';
import { sectionAt } from '../facts';

/** The section holding each block of `tree.children`, by the block's index (undefined before the first heading). */
export type NodeSections = readonly (Section | undefined)[];

export function nodeSections(tree: Root, model: Postmortem): NodeSections {
  return tree.children.map((node) => sectionAt(model, startOf(node)));
}
