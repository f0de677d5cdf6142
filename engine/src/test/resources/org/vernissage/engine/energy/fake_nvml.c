/*
 * A fake of NVIDIA's libnvidia-ml.so.1 for NvmlSourceTest: the same exported functions and
 * signatures as nvml.h, answering from a text file the test writes (STATE_FILE, given with -D at
 * compile time, re-read at every call so the test can change the answers mid-run):
 *
 *   init <nvmlReturn_t of nvmlInit_v2>
 *   gpu <millijoules> <nvmlReturn_t of nvmlDeviceGetTotalEnergyConsumption> <name...>
 *   (one gpu line per device, in index order)
 *
 * nvmlInit_v2 and nvmlShutdown append their names to CALLS_FILE so the test sees NVML let go.
 */
#include <stdio.h>
#include <string.h>

#define MAX_GPUS 8
#define NAME_SIZE 96

typedef struct { int index; } fake_device;
typedef fake_device *nvmlDevice_t;

static fake_device devices[MAX_GPUS];
static int initialised;

struct state {
    int init_rc;
    int count;
    unsigned long long energy[MAX_GPUS];
    int energy_rc[MAX_GPUS];
    char name[MAX_GPUS][NAME_SIZE];
};

static void read_state(struct state *s) {
    memset(s, 0, sizeof *s);
    FILE *f = fopen(STATE_FILE, "r");
    if (!f) {
        s->init_rc = 999;
        return;
    }
    char line[256];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        int offset = 0;
        if (sscanf(line, "init %d", &s->init_rc) == 1) {
            continue;
        }
        if (s->count < MAX_GPUS && sscanf(line, "gpu %llu %d %n", &s->energy[s->count], &s->energy_rc[s->count],
                                          &offset) == 2) {
            snprintf(s->name[s->count], NAME_SIZE, "%s", line + offset);
            s->count++;
        }
    }
    fclose(f);
}

static void log_call(const char *name) {
    FILE *f = fopen(CALLS_FILE, "a");
    if (f) {
        fprintf(f, "%s\n", name);
        fclose(f);
    }
}

int nvmlInit_v2(void) {
    struct state s;
    read_state(&s);
    log_call("nvmlInit_v2");
    initialised = s.init_rc == 0;
    return s.init_rc;
}

int nvmlShutdown(void) {
    log_call("nvmlShutdown");
    if (!initialised) {
        return 1; /* NVML_ERROR_UNINITIALIZED */
    }
    initialised = 0;
    return 0;
}

int nvmlDeviceGetCount_v2(unsigned int *count) {
    struct state s;
    read_state(&s);
    if (!initialised) {
        return 1;
    }
    if (!count) {
        return 2; /* NVML_ERROR_INVALID_ARGUMENT */
    }
    *count = (unsigned int) s.count;
    return 0;
}

int nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device) {
    struct state s;
    read_state(&s);
    if (!initialised) {
        return 1;
    }
    if (!device || index >= (unsigned int) s.count) {
        return 2;
    }
    devices[index].index = (int) index;
    *device = &devices[index];
    return 0;
}

int nvmlDeviceGetName(nvmlDevice_t device, char *name, unsigned int length) {
    struct state s;
    read_state(&s);
    if (!initialised) {
        return 1;
    }
    if (!device || !name || device->index >= s.count) {
        return 2;
    }
    if (strlen(s.name[device->index]) + 1 > length) {
        return 7; /* NVML_ERROR_INSUFFICIENT_SIZE */
    }
    strcpy(name, s.name[device->index]);
    return 0;
}

int nvmlDeviceGetTotalEnergyConsumption(nvmlDevice_t device, unsigned long long *energy) {
    struct state s;
    read_state(&s);
    if (!initialised) {
        return 1;
    }
    if (!device || !energy || device->index >= s.count) {
        return 2;
    }
    if (s.energy_rc[device->index] != 0) {
        return s.energy_rc[device->index];
    }
    *energy = s.energy[device->index];
    return 0;
}

const char *nvmlErrorString(int result) {
    switch (result) {
        case 0: return "Success";
        case 1: return "Uninitialized";
        case 2: return "Invalid Argument";
        case 3: return "Not Supported";
        case 9: return "Driver Not Loaded";
        case 15: return "GPU is lost";
        default: return "Unknown Error";
    }
}
