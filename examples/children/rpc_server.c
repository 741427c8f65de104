/*
 * rpc_server: the initial thread serves RPCs of two client threads of the same component.
 *
 * main allocates an endpoint and one RPC object, spawns client-a (4 calls) and client-b
 * (8 calls) with thread_spawn, and serves requests in reply_and_wait. Each ADD request costs
 * the server about 3,000 instructions of work, so requests stay in flight for a while and the
 * second client's call queues at the endpoint while the first one is served. A client ends
 * with a DONE call: client-a gets its reply and its thread exits, the DONE of the last client
 * is not answered because main logs a summary and exits the component.
 */
#include "runtime/crspec.h"

#define OP_ADD 1
#define OP_DONE 2

#define BADGE 0x5e
#define WORK_ROUNDS 380

/* One client thread: its number, the number of ADD calls it makes and its first argument. */
struct client {
	unsigned id;
	unsigned calls;
	unsigned base;
};

static struct client clients[2] = {
	{ 0, 4, 10 },
	{ 1, 8, 1000 },
};

static const char *const names[2] = { "client-a", "client-b" };

/* Not static, so that tests can read them by symbol. */
cap_t log_cap;
cap_t object_cap;
unsigned totals[2];
unsigned served;

/* Mixes seed through rounds of a multiply-xorshift step (about 8 instructions per round). */
static unsigned spin(unsigned seed, unsigned rounds)
{
	unsigned x = seed;

	for (unsigned i = 0; i < rounds; i++) {
		x = x * 1103515245u + 12345u;
		x ^= x >> 13;
	}
	return x;
}

static void client_main(void *arg)
{
	const struct client *client = arg;
	struct crspec_msg msg;
	int result;

	for (unsigned call = 1; call <= client->calls; call++) {
		msg_init(&msg, OP_ADD);
		msg.word[0] = client->id;
		msg.word[1] = client->base + call;
		result = rpc_call(object_cap, &msg);
		log_printf(log_cap, "%s: add %u -> result=%d total=%lu mix=%08lx serial=%lu",
		           names[client->id], client->base + call, result, msg.word[0], msg.word[1],
		           msg.word[2]);
	}
	log_printf(log_cap, "%s: done", names[client->id]);
	msg_init(&msg, OP_DONE);
	msg.word[0] = client->id;
	rpc_call(object_cap, &msg);
}

/* Serves one request in place: *msg holds the request on entry and the reply on return. */
static void serve(struct crspec_msg *msg, uint32_t badge)
{
	unsigned id = msg->word[0];
	unsigned value = msg->word[1];

	if (badge != BADGE || id > 1 || msg->op != OP_ADD) {
		msg_init(msg, RPC_INVALID_OPERATION);
		return;
	}
	totals[id] += value;
	served++;
	msg_init(msg, RPC_OK);
	msg->word[0] = totals[id];
	msg->word[1] = spin(totals[id] ^ (id << 16), WORK_ROUNDS);
	msg->word[2] = served;
}

int main(void)
{
	struct crspec_msg msg;
	cap_t pd, cpu, rm, endpoint;
	uint32_t badge = 0;
	unsigned finished = 0;
	int status;

	log_cap = log_open("rpc_server");
	pd = pd_session();
	cpu = cpu_session();
	rm = pd_address_space(pd);
	endpoint = pd_alloc_endpoint(pd);
	object_cap = pd_alloc_rpc_object(pd, endpoint, BADGE);
	if (!log_cap || !pd || !cpu || !rm || !endpoint || !object_cap)
		return 1;

	for (unsigned i = 0; i < 2; i++) {
		if (!thread_spawn(pd, cpu, rm, names[i], client_main, &clients[i])) {
			log_printf(log_cap, "cannot spawn %s", names[i]);
			return 2;
		}
	}
	log_write(log_cap, "serving");

	status = rpc_wait(endpoint, &msg, &badge);
	while (status == 0) {
		if (msg.op == OP_DONE) {
			finished++;
			if (finished == 2)
				break;
			msg_init(&msg, RPC_OK);
		} else {
			serve(&msg, badge);
		}
		status = rpc_reply_and_wait(endpoint, &msg, &badge);
	}
	log_printf(log_cap, "summary: status=%d served=%u totals=%u,%u", status, served, totals[0],
	           totals[1]);
	return status == 0 ? 0 : 3;
}
