// The one task system (modelled on ImHex's TaskManager): background work with progress, cancel, captured
// exceptions and a continuation run on the main thread. Layer loads and screenshot encodes use it.
// Cancel before discarding: a cancelled task's continuation never runs, and nothing waits for its thread, so a
// load blocked in a hung server can neither freeze the frame nor stop the viewer from quitting.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace sitmap {

// What a running task sees: where to report progress, and whether it was cancelled (checked between steps).
class TaskContext {
public:
  void setProgress(double fraction) { m_progress.store(float(fraction)); }
  bool cancelled() const { return m_cancelled.load(); }

private:
  friend class TaskSystem;
  std::atomic<float> m_progress{-1};
  std::atomic<bool> m_cancelled{false};
};

using TaskId = uint64_t;

class TaskSystem {
public:
  TaskSystem() = default;
  TaskSystem(const TaskSystem&) = delete;
  TaskSystem& operator=(const TaskSystem&) = delete;
  // Cancels what still runs and waits for it at most `kExitWaitSeconds`; threads still blocked after that are
  // left to end with the process.
  ~TaskSystem();
  static constexpr double kExitWaitSeconds = 2;

  // Runs `work` on a thread of its own; once it is done, the next poll() hands its result to `then` on the main
  // thread. An exception from `work` arrives as an Error naming the task.
  template <typename T>
  TaskId run(std::string name, std::function<Result<T>(TaskContext&)> work, std::function<void(Result<T>)> then) {
    auto task = std::make_shared<Task>();
    task->id = ++m_lastId;
    task->name = std::move(name);
    Task* raw = task.get();
    task->body = [raw, work = std::move(work), then = std::move(then)]() mutable -> std::function<void()> {
      std::shared_ptr<Result<T>> result;
      try {
        result = std::make_shared<Result<T>>(work(raw->context));
      } catch (const std::exception& e) {
        result = std::make_shared<Result<T>>(Error{raw->name + ": " + e.what()});
      } catch (...) {
        result = std::make_shared<Result<T>>(Error{raw->name + ": failed"});
      }
      return [then = std::move(then), result]() mutable { then(std::move(*result)); };
    };
    start(task);
    return task->id;
  }

  // Runs the continuations of finished tasks (on the calling, main, thread). True when any ran.
  // A continuation that throws becomes a message for `onError`.
  bool poll(const std::function<void(const std::string&)>& onError = {});
  // The task stops being waited for at once: its continuation will not run.
  void cancel(TaskId id);
  void cancelAll();
  bool running(TaskId id) const;
  // 0..1 where the task reports it, -1 where it does not (or it is not running).
  float progress(TaskId id) const;
  bool idle() const;

private:
  struct Task {
    TaskId id = 0;
    std::string name;
    TaskContext context;
    std::function<std::function<void()>()> body;  // runs the work, returns the continuation
    std::mutex mutex;
    std::function<void()> continuation;  // set by the worker when done
    std::atomic<bool> done{false};
  };
  void start(const std::shared_ptr<Task>& task);
  std::vector<std::shared_ptr<Task>> m_tasks;
  TaskId m_lastId = 0;
};

}  // namespace sitmap
