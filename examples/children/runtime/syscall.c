/*
 * System call stubs: each function is one ecall, so a thread blocked in a system call has its
 * pc at the ecall inside one of these functions.
 */
#include "syscall.h"

uint32_t sys_call(cap_t cap, struct crspec_msg *msg)
{
	register uint32_t a0 __asm__("a0") = cap;
	register uint32_t a1 __asm__("a1") = (uint32_t)msg;
	register uint32_t a7 __asm__("a7") = SYS_CALL;

	__asm__ volatile("ecall" : "+r"(a0), "+r"(a1) : "r"(a7) : "a2", "memory");
	return a0;
}

static uint32_t endpoint_syscall(uint32_t number, cap_t endpoint, struct crspec_msg *msg,
                                 uint32_t *badge)
{
	register uint32_t a0 __asm__("a0") = endpoint;
	register uint32_t a1 __asm__("a1") = (uint32_t)msg;
	register uint32_t a7 __asm__("a7") = number;

	__asm__ volatile("ecall" : "+r"(a0), "+r"(a1) : "r"(a7) : "a2", "memory");
	if (badge)
		*badge = a1;
	return a0;
}

uint32_t sys_reply_and_wait(cap_t endpoint, struct crspec_msg *msg, uint32_t *badge)
{
	return endpoint_syscall(SYS_REPLY_AND_WAIT, endpoint, msg, badge);
}

uint32_t sys_wait(cap_t endpoint, struct crspec_msg *msg, uint32_t *badge)
{
	return endpoint_syscall(SYS_WAIT, endpoint, msg, badge);
}

uint32_t sys_signal_wait(cap_t receiver, uint32_t *badge, uint32_t *count)
{
	register uint32_t a0 __asm__("a0") = receiver;
	register uint32_t a1 __asm__("a1");
	register uint32_t a2 __asm__("a2");
	register uint32_t a7 __asm__("a7") = SYS_SIGNAL_WAIT;

	__asm__ volatile("ecall" : "+r"(a0), "=r"(a1), "=r"(a2) : "r"(a7) : "memory");
	if (badge)
		*badge = a1;
	if (count)
		*count = a2;
	return a0;
}

void sys_thread_exit(void)
{
	register uint32_t a7 __asm__("a7") = SYS_THREAD_EXIT;

	__asm__ volatile("ecall" : : "r"(a7) : "memory");
	for (;;)
		;
}

uint32_t sys_yield(void)
{
	register uint32_t a0 __asm__("a0");
	register uint32_t a7 __asm__("a7") = SYS_YIELD;

	__asm__ volatile("ecall" : "=r"(a0) : "r"(a7) : "memory");
	return a0;
}
