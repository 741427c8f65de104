/*
 * Entry stub of secondary threads started by thread_spawn (crspec.c).
 *
 * thread_spawn starts the thread with ip = __thread_entry and sp pointing at two words at the
 * top of the thread's stack: 0(sp) = the function, 4(sp) = its argument. The stub sets gp,
 * which a new thread does not inherit, calls function(argument) and ends the thread with the
 * thread_exit system call when the function returns.
 */

	.file	"thread_entry.S"

	.equ	SYS_THREAD_EXIT, 5

	.section .text, "ax", @progbits
	.balign	4
	.globl	__thread_entry
	.type	__thread_entry, @function
__thread_entry:
	.option	push
	.option	norelax
	la	gp, __global_pointer$
	.option	pop

	li	s0, 0
	li	ra, 0
	lw	t0, 0(sp)
	lw	a0, 4(sp)
	jalr	ra, 0(t0)

	li	a7, SYS_THREAD_EXIT
	ecall
1:
	j	1b
	.size	__thread_entry, . - __thread_entry
