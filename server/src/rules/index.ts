// The rule registry: every rule, listed explicitly (no discovery magic), in the order the docs list them.
import type { Rule } from '../model/types';
import actionItemOwner from './action-item-owner';
import actionItemDueDate from './action-item-due-date';
import actionItemVague from './action-item-vague';
import actionItemsTooMany from './action-items-too-many';
import actionItemPriority from './action-item-priority';
import actionItemLowPriority from './action-item-low-priority';
import actionItemOverdue from './action-item-overdue';
import missingSection from './missing-section';
import emptySection from './empty-section';
import actionItemTicket from './action-item-ticket';
import relativeDate from './relative-date';
import timelineTimezone from './timeline-timezone';
import humanError from './human-error';
import actionItemChangesPeople from './action-item-changes-people';
import outcomeWithoutContext from './outcome-without-context';
import blameLanguage from './blame-language';
import impactWithoutNumbers from './impact-without-numbers';
import actionItemDueWindow from './action-item-due-window';
import rootCauseVague from './root-cause-vague';
import noProcessChange from './no-process-change';
import timelineStartsAtDetection from './timeline-starts-at-detection';
import businessImpact from './business-impact';
import publicInternalDetail from './public-internal-detail';
import undefinedAcronym from './undefined-acronym';
import publicSections from './public-sections';
import unfilledTemplate from './unfilled-template';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const rules: Rule<any>[] = [
  actionItemOwner,
  actionItemDueDate,
  actionItemVague,
  actionItemsTooMany,
  actionItemPriority,
  actionItemLowPriority,
  actionItemOverdue,
  missingSection,
  emptySection,
  actionItemTicket,
  actionItemChangesPeople,
  relativeDate,
  timelineTimezone,
  humanError,
  outcomeWithoutContext,
  blameLanguage,
  impactWithoutNumbers,
  actionItemDueWindow,
  rootCauseVague,
  noProcessChange,
  timelineStartsAtDetection,
  businessImpact,
  publicInternalDetail,
  undefinedAcronym,
  publicSections,
  unfilledTemplate,
];
