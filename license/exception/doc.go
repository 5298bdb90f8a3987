// Package exception holds the License Exceptions of 15 CFR part 740 that
// the SDK evaluates, and the restrictions on them, as dated, cited data,
// with the evaluation that reads them: after a determination finds that a
// license is required, may the export go under an exception, and which.
//
// Each exception is one Exception value (Exceptions returns them in CFR
// order, 740.3 LVS to 740.25 HBM): its citation, the dates it is in the
// EAR, its eligible destinations as country groups, the reasons for
// control whose Country Chart requirements it may overcome, the License
// Exceptions line of the CCL entry it rests on (ccl.ExceptionLine), the
// facts of the transaction it needs, the sentence of the regulation, and
// its provenance. The restrictions on all exceptions of 15 CFR 740.2(a)
// are Restriction values (Restrictions), and the exceptions the Part 746
// programs leave open for sanctioned destinations (740.2(a)(6)) are
// ProgramRule values (ProgramRules). Markdown renders all three as tables
// to check against the CFR line by line (testdata/exceptions.md).
//
// Evaluate answers for one item, destination and set of license
// requirements (Requirement: the citation and answer of each reason a
// license is required, with its basis: a Country Chart row, a Part 746
// program, or part 744), each exception Available, NotAvailable or
// Indeterminate, with the requirements it overcomes, why, and the facts
// that would decide it. Covered says whether every requirement is overcome
// by an available exception. The facts of the transaction that only the
// caller knows (the value of the order, the paragraph of an exception
// whose terms the export meets, the encryption status) are Facts, the
// wire format's exception_facts; a fact not given leaves the exceptions
// that need it indeterminate, never available.
//
// Readings chosen, each recorded beside its data: a requirement of part
// 744 (the Entity List, 744.21, 744.23) is overcome by no exception (the
// SDK holds none of the exceptions those rules or the Entity List entries
// name; 740.2(a)(2)); a restriction whose earlier text is not modelled
// leaves the exceptions it would bar indeterminate before the version's
// effective date.
package exception
