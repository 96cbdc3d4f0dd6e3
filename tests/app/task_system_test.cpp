// The task system: results and continuations on the polling thread, captured exceptions, cancel, and a task
// blocked for ever that holds up neither another task nor the system's end.
#include "app/task_system.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

using namespace sitmap;

namespace {
// Polls until `done` or two seconds pass.
void pollUntil(TaskSystem& tasks, const std::function<bool()>& done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (!done() && std::chrono::steady_clock::now() < deadline) {
    tasks.poll();
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}
}  // namespace

TEST(TaskSystem, TheContinuationRunsOnThePollingThreadWithTheResult) {
  TaskSystem tasks;
  std::optional<int> got;
  std::thread::id ranOn;
  tasks.run<int>("answer", [](TaskContext&) -> Result<int> { return 42; }, [&](Result<int> r) {
    got = *r;
    ranOn = std::this_thread::get_id();
  });
  pollUntil(tasks, [&] { return got.has_value(); });
  EXPECT_EQ(got, 42);
  EXPECT_EQ(ranOn, std::this_thread::get_id());
  EXPECT_TRUE(tasks.idle());
}

TEST(TaskSystem, AnExceptionBecomesAnErrorNamingTheTask) {
  TaskSystem tasks;
  std::optional<std::string> error;
  tasks.run<int>("loading x.gpkg", [](TaskContext&) -> Result<int> { throw std::runtime_error("bad_alloc-ish"); },
                 [&](Result<int> r) { error = r ? std::string() : r.error(); });
  pollUntil(tasks, [&] { return error.has_value(); });
  EXPECT_EQ(error, "loading x.gpkg: bad_alloc-ish");
}

TEST(TaskSystem, ACancelledTaskNeverContinuesAndSeesItWasCancelled) {
  TaskSystem tasks;
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  auto sawCancel = std::make_shared<std::atomic<bool>>(false);
  bool continued = false;
  const TaskId id = tasks.run<int>(
      "slow",
      [gate, sawCancel](TaskContext& context) -> Result<int> {
        gate.wait();
        sawCancel->store(context.cancelled());
        return 1;
      },
      [&](Result<int>) { continued = true; });
  EXPECT_TRUE(tasks.running(id));
  tasks.cancel(id);
  EXPECT_FALSE(tasks.running(id));
  EXPECT_TRUE(tasks.idle()) << "cancel does not wait for the thread";
  release.set_value();
  pollUntil(tasks, [&] { return sawCancel->load(); });
  tasks.poll();
  EXPECT_TRUE(sawCancel->load());
  EXPECT_FALSE(continued);
}

TEST(TaskSystem, AHungTaskBlocksNeitherAnotherNorTheEnd) {
  auto never = std::make_shared<std::promise<void>>();  // kept alive by the task: it never returns
  std::shared_future<void> hang = never->get_future().share();
  const auto start = std::chrono::steady_clock::now();
  {
    TaskSystem tasks;
    tasks.run<int>("hung server", [hang, never](TaskContext&) -> Result<int> {
      hang.wait();
      return 0;
    }, [](Result<int>) {});
    bool other = false;
    tasks.run<int>("local file", [](TaskContext&) -> Result<int> { return 7; }, [&](Result<int> r) { other = *r == 7; });
    pollUntil(tasks, [&] { return other; });
    EXPECT_TRUE(other);
    EXPECT_FALSE(tasks.idle());
  }  // the system ends (as the viewer quits) with the hung task still blocked
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, TaskSystem::kExitWaitSeconds + 1.5);
}

TEST(TaskSystem, ProgressIsReadWhileTheTaskRuns) {
  TaskSystem tasks;
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  const TaskId id = tasks.run<int>("import", [gate](TaskContext& context) -> Result<int> {
    context.setProgress(0.25);
    gate.wait();
    return 0;
  }, [](Result<int>) {});
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (tasks.progress(id) < 0 && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
  EXPECT_FLOAT_EQ(tasks.progress(id), 0.25f);
  release.set_value();
  pollUntil(tasks, [&] { return tasks.idle(); });
}
