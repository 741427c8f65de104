/*
 * Startup code of a crspec child.
 *
 * The initial thread enters _start with sp = 0 and every other register unspecified. _start
 * sets gp, switches to a 16 KiB stack in its own bss, counts its run in __crt0_entries, calls
 * main and passes main's return value to the parent's exit RPC. A restored child resumes
 * from its saved registers and never passes through here again, so __crt0_entries stays 1.
 */

	.file	"crt0.S"

	.equ	CRT0_STACK_SIZE, 16384

	/* The loader writes the parent capability index into this word: the first word of the
	 * writable segment, as child.ld places .data.parent_cap first. */
	.section .data.parent_cap, "aw", @progbits
	.balign	4
	.globl	__parent_cap
	.type	__parent_cap, @object
	.size	__parent_cap, 4
__parent_cap:
	.word	0

	.section .data, "aw", @progbits
	.balign	4
	.globl	__crt0_entries
	.type	__crt0_entries, @object
	.size	__crt0_entries, 4
__crt0_entries:
	.word	0

	.section .bss.crt0_stack, "aw", @nobits
	.balign	16
	.globl	__crt0_stack
	.type	__crt0_stack, @object
	.size	__crt0_stack, CRT0_STACK_SIZE
__crt0_stack:
	.space	CRT0_STACK_SIZE

	.section .text.start, "ax", @progbits
	.balign	4
	.globl	_start
	.type	_start, @function
_start:
	/* gp must be loaded without relaxation: a relaxed sequence would use gp itself. */
	.option	push
	.option	norelax
	la	gp, __global_pointer$
	.option	pop

	la	sp, __crt0_stack + CRT0_STACK_SIZE
	li	s0, 0
	li	ra, 0

	la	t0, __crt0_entries
	lw	t1, 0(t0)
	addi	t1, t1, 1
	sw	t1, 0(t0)

	call	main

	/* a0 still holds main's return value. parent_exit does not return. */
	call	parent_exit
1:
	j	1b
	.size	_start, . - _start
