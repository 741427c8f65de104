/*
 * System calls of the crspec kernel (docs/abi.md, "System calls").
 *
 * Each call is one ecall with the number in a7. The status comes back in a0 and is one of the
 * SYS_STATUS_* values; further results come back in a1 and a2.
 */
#ifndef CRSPEC_SYSCALL_H
#define CRSPEC_SYSCALL_H

#include <stdint.h>

/* System call numbers (a7). */
#define SYS_CALL 1
#define SYS_REPLY_AND_WAIT 2
#define SYS_WAIT 3
#define SYS_SIGNAL_WAIT 4
#define SYS_THREAD_EXIT 5
#define SYS_YIELD 6

/* Status codes returned in a0. */
#define SYS_STATUS_OK 0
#define SYS_STATUS_INVALID_CAPABILITY 1
#define SYS_STATUS_INVALID_MESSAGE 2
#define SYS_STATUS_NO_REPLY_PENDING 3
#define SYS_STATUS_INVALID_SYSCALL 4
#define SYS_STATUS_ABORTED 5

/* Index of a capability in the caller's capability space; 0 is the invalid capability. */
typedef uint32_t cap_t;

struct crspec_msg;

/* Sends the message at msg to the object cap and waits; the reply overwrites *msg. */
uint32_t sys_call(cap_t cap, struct crspec_msg *msg);

/* Replies with *msg to the last caller (if any), then waits on the endpoint for the next
 * request, which overwrites *msg. Stores the badge of the called RPC object in *badge. */
uint32_t sys_reply_and_wait(cap_t endpoint, struct crspec_msg *msg, uint32_t *badge);

/* Waits on the endpoint for the next request without replying; like sys_reply_and_wait. */
uint32_t sys_wait(cap_t endpoint, struct crspec_msg *msg, uint32_t *badge);

/* Waits for a signal on the receiver. Stores the badge of the signalled context in *badge
 * and the number of signals since the last wait in *count. */
uint32_t sys_signal_wait(cap_t receiver, uint32_t *badge, uint32_t *count);

/* Ends the calling thread. */
__attribute__((noreturn)) void sys_thread_exit(void);

/* Gives up the rest of the caller's time slice; returns 0. */
uint32_t sys_yield(void);

#endif
