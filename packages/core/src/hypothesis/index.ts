// @parom/core/hypothesis: the names other packages use; add a name here only when another package needs it.
// Code inside the package imports its modules directly, never through this file.
export { ApprovalInput, Approvals } from "./approvals.js";
export type { Approval } from "./approvals.js";
export { EditHypothesisInput, HypothesisEdits } from "./edit.js";
export type { Actor, FieldChange, HistoryEntry } from "./history.js";
export { Hypotheses, TransitionRefusedError } from "./hypothesis.js";
export { CreateHypothesisInput, RulesInput, TransitionInput } from "./input.js";
export { pipeline } from "./lifecycle.js";
export type { Refusal, Stage } from "./lifecycle.js";
export type { Hypothesis } from "./model.js";
export { OptimizationInput, Optimizations, optimizationAreas } from "./optimizations.js";
export type { Optimization } from "./optimizations.js";
export { readHypothesisPartition } from "./partition.js";
export type { HypothesisPartition } from "./partition.js";
export { Rules } from "./rules.js";
export type { WrittenRules } from "./rules.js";
export { CreateIdeaInput, DropIdeaInput, iceScore, Ideas, IdeasQuery, ideaSorts, PromoteIdeaInput, RescoreInput } from "./backlog.js";
export type { IceChange, Idea, IdeaSort } from "./backlog.js";
export { filterLearnings, Learnings, LearningsQuery } from "./learnings.js";
export type { Learning, LearningResult } from "./learnings.js";
